package org.podium.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /api/accounts} and {@code /api/tokens}: sign up, and tokens for the API. */
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class AccountsResource {

  @Inject Accounts accounts;

  @Inject Caller caller;

  public record Registration(String username, String email, String password) {}

  public record TokenRequest(String name) {}

  @POST
  @Path("accounts")
  public Response register(Registration registration) {
    if (registration == null) {
      throw org.podium.platform.problem.Problem.badRequest("send {username, email, password}");
    }
    return Response.status(201)
        .entity(
            accounts.register(
                registration.username(), registration.email(), registration.password()))
        .build();
  }

  @GET
  @Path("accounts/me")
  public AccountView me() {
    return AccountView.of(caller.require());
  }

  /** Every account with its roles: administrators only. */
  @GET
  @Path("accounts")
  public List<AccountView> all() {
    return accounts.all(caller.require());
  }

  public record RolesRequest(List<Role> roles) {}

  /** Replaces an account's roles: administrators only; the last administrator stays one. */
  @PUT
  @Path("accounts/{username}/roles")
  public AccountView roles(@PathParam("username") String username, RolesRequest request) {
    if (request == null || request.roles() == null) {
      throw org.podium.platform.problem.Problem.invalidField(
          "roles", "send {\"roles\": [\"PARTICIPANT\", \"ORGANIZER\", \"ADMIN\"]} (any of them)");
    }
    java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
    roles.addAll(request.roles());
    return accounts.setRoles(caller.require(), username, roles);
  }

  @POST
  @Path("tokens")
  public Response issue(TokenRequest request) {
    Account account = caller.requireWithoutToken("creating a token");
    Accounts.IssuedToken token =
        accounts.issueToken(account.getUsername(), request == null ? null : request.name());
    return Response.status(201).entity(token).build();
  }

  @GET
  @Path("tokens")
  public List<TokenView> tokens() {
    return accounts.tokens(caller.require().getUsername());
  }

  @DELETE
  @Path("tokens/{id}")
  public Response revoke(@PathParam("id") long id) {
    accounts.revokeToken(caller.require().getUsername(), id);
    return Response.noContent().build();
  }
}
