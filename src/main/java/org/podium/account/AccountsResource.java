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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.podium.platform.PageRequest;
import org.podium.platform.web.PagedResponses;

/** {@code /api/accounts} and {@code /api/tokens}: sign up, and tokens for the API. */
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class AccountsResource {

  @Inject Accounts accounts;

  @Inject Caller caller;

  @Inject Passwords passwords;

  @Context UriInfo uri;

  public record Registration(String username, String email, String password) {}

  public record TokenRequest(String name) {}

  @POST
  @Path("accounts")
  public Response register(Registration registration) {
    if (registration == null) {
      throw org.podium.platform.problem.Problem.badRequest(
          "Send the new account as {\"username\": …, \"email\": …, \"password\": …}.");
    }
    AccountView account =
        accounts.register(registration.username(), registration.email(), registration.password());
    return Response.created(
            uri.getBaseUriBuilder().path("accounts/{username}").build(account.username()))
        .entity(account)
        .build();
  }

  @GET
  @Path("accounts/me")
  public AccountView me() {
    return AccountView.of(caller.require());
  }

  /** An account: its owner or an administrator; 404 for anyone else. */
  @GET
  @Path("accounts/{username}")
  public AccountView account(@PathParam("username") String username) {
    return accounts.view(caller.require(), username);
  }

  /**
   * Accounts with their roles, by name, a page at a time ({@code page}, {@code size}), whose
   * username or e-mail contains {@code q}: administrators only.
   */
  @GET
  @Path("accounts")
  public Response all(
      @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size) {
    return PagedResponses.ok(accounts.all(caller.require(), q, PageRequest.of(page, size)), uri);
  }

  public record RolesRequest(List<Role> roles) {}

  /** Replaces an account's roles: administrators only; the last administrator stays one. */
  @PUT
  @Path("accounts/{username}/roles")
  public AccountView roles(@PathParam("username") String username, RolesRequest request) {
    if (request == null || request.roles() == null) {
      throw org.podium.platform.problem.Problem.invalidField(
          "roles",
          "Send the roles as {\"roles\": [\"PARTICIPANT\", \"ORGANIZER\", \"ADMIN\"]} (any of"
              + " them).");
    }
    java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
    roles.addAll(request.roles());
    return accounts.setRoles(caller.require(), username, roles);
  }

  public record PasswordChange(String currentPassword, String newPassword) {}

  /**
   * The caller changes their own password, giving the current one: their browser sessions end,
   * their tokens stay.
   */
  @PUT
  @Path("accounts/me/password")
  public Response changePassword(PasswordChange change) {
    if (change == null) {
      throw org.podium.platform.problem.Problem.badRequest(
          "Send {\"currentPassword\": …, \"newPassword\": …}.");
    }
    passwords.change(caller.require(), change.currentPassword(), change.newPassword());
    return Response.noContent().build();
  }

  public record PasswordReset(String password) {}

  /**
   * An administrator resets an account's password (HTTP Basic or a page session, not a token): to
   * {@code password}, or without one to a generated password answered once. The account's browser
   * sessions end and its tokens are revoked.
   */
  @POST
  @Path("accounts/{username}/password-reset")
  public Passwords.Reset resetPassword(
      @PathParam("username") String username, PasswordReset request) {
    Account admin = caller.requireWithoutToken("Resetting a password");
    return passwords.reset(admin, username, request == null ? null : request.password());
  }

  @POST
  @Path("tokens")
  public Response issue(TokenRequest request) {
    Account account = caller.requireWithoutToken("Creating a token");
    Accounts.IssuedToken token =
        accounts.issueToken(account.getUsername(), request == null ? null : request.name());
    return Response.created(uri.getBaseUriBuilder().path("tokens/{id}").build(token.id()))
        .entity(token)
        .build();
  }

  /** The caller's tokens, newest first, a page at a time ({@code page}, {@code size}). */
  @GET
  @Path("tokens")
  public Response tokens(@QueryParam("page") String page, @QueryParam("size") String size) {
    return PagedResponses.ok(
        accounts.tokens(caller.require().getUsername(), PageRequest.of(page, size)), uri);
  }

  /** One of the caller's tokens (never its secret). */
  @GET
  @Path("tokens/{id}")
  public TokenView token(@PathParam("id") long id) {
    return accounts.token(caller.require().getUsername(), id);
  }

  @DELETE
  @Path("tokens/{id}")
  public Response revoke(@PathParam("id") long id) {
    accounts.revokeToken(caller.require().getUsername(), id);
    return Response.noContent().build();
  }
}
