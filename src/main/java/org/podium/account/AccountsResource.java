package org.podium.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.time.Instant;
import java.util.List;

/** {@code /api/accounts} and {@code /api/tokens}: sign up, and tokens for the API. */
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
// Transactional, so views are read while the persistence context is open.
@RequestScoped
@Transactional
public class AccountsResource {

  @Inject Accounts accounts;

  @Inject Caller caller;

  public record Registration(String username, String email, String password) {}

  public record AccountView(long id, String username, String email, List<String> roles) {
    static AccountView of(Account account) {
      return new AccountView(
          account.getId(),
          account.getUsername(),
          account.getEmail(),
          account.getRoles().stream().map(Role::name).sorted().toList());
    }
  }

  public record TokenRequest(String name) {}

  public record TokenView(
      long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

  @POST
  @Path("accounts")
  public Response register(Registration registration) {
    if (registration == null) {
      throw org.podium.platform.Problem.badRequest("send {username, email, password}");
    }
    Account account =
        accounts.register(registration.username(), registration.email(), registration.password());
    return Response.status(201).entity(AccountView.of(account)).build();
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
    return accounts.all(caller.require()).stream().map(AccountView::of).toList();
  }

  public record RolesRequest(List<Role> roles) {}

  /** Replaces an account's roles: administrators only; the last administrator stays one. */
  @PUT
  @Path("accounts/{username}/roles")
  public AccountView roles(@PathParam("username") String username, RolesRequest request) {
    if (request == null || request.roles() == null) {
      throw org.podium.platform.Problem.invalidField(
          "roles", "send {\"roles\": [\"PARTICIPANT\", \"ORGANIZER\", \"ADMIN\"]} (any of them)");
    }
    java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
    roles.addAll(request.roles());
    return AccountView.of(accounts.setRoles(caller.require(), username, roles));
  }

  @POST
  @Path("tokens")
  public Response issue(TokenRequest request) {
    Account account = caller.require();
    Accounts.IssuedToken token =
        accounts.issueToken(account.getUsername(), request == null ? null : request.name());
    return Response.status(201).entity(token).build();
  }

  @GET
  @Path("tokens")
  public List<TokenView> tokens() {
    return accounts.tokens(caller.require().getUsername()).stream()
        .map(
            t ->
                new TokenView(
                    t.getId(), t.getName(), t.getCreatedAt(), t.getLastUsedAt(), t.getRevokedAt()))
        .toList();
  }

  @DELETE
  @Path("tokens/{id}")
  public Response revoke(@PathParam("id") long id) {
    accounts.revokeToken(caller.require().getUsername(), id);
    return Response.noContent().build();
  }
}
