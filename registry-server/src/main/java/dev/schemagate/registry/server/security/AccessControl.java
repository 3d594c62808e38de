package dev.schemagate.registry.server.security;

import dev.schemagate.registry.server.registry.RegistryServerException;
import dev.schemagate.registry.server.registry.RegistryServerException.Reason;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Authenticates and authorizes every request before its route runs: 401 (with {@code
 * WWW-Authenticate}) for missing or wrong credentials, 403 for a role the principal lacks, both
 * with Confluent's codes (40101, 40301). Off (everything allowed) when no auth file is configured.
 */
public final class AccessControl {
  private static final String PRINCIPAL = "schemagate.principal";

  private final Optional<Authenticator> authenticator;

  public AccessControl(Optional<Authenticator> authenticator) {
    this.authenticator = authenticator;
  }

  public void install(RoutesConfig routes) {
    if (authenticator.isPresent()) {
      routes.before(this::check);
    }
  }

  private void check(Context ctx) {
    AccessRule rule = AccessRule.of(ctx.method().name(), ctx.path());
    if (rule instanceof AccessRule.Open) {
      return;
    }
    Principal principal =
        switch (authenticator.get().authenticate(ctx.header("Authorization"))) {
          case Authenticator.Outcome.Refused refused ->
              throw new RegistryServerException(Reason.UNAUTHORIZED, refused.reason());
          case Authenticator.Outcome.Unavailable unavailable ->
              throw new RegistryServerException(Reason.STORE_UNAVAILABLE, unavailable.reason());
          case Authenticator.Outcome.Authenticated authenticated -> authenticated.principal();
        };
    ctx.attribute(PRINCIPAL, principal);
    if (!permits(principal, rule)) {
      throw new RegistryServerException(Reason.FORBIDDEN, denial(principal, rule));
    }
  }

  /**
   * Whether a request would pass {@link #check} (always, when auth is off). For a path taken before
   * Javalin's routes ({@code api.FastLookups}): it answers only then, and leaves every refusal,
   * with its 401 or 403 body, to the full route, so there is one way to be refused.
   */
  public boolean allows(String method, String path, String authorization) {
    if (authenticator.isEmpty()) {
      return true;
    }
    AccessRule rule = AccessRule.of(method, path);
    if (rule instanceof AccessRule.Open) {
      return true;
    }
    return switch (authenticator.get().authenticate(authorization)) {
      case Authenticator.Outcome.Refused refused -> false;
      case Authenticator.Outcome.Unavailable unavailable -> false;
      // The fast path cannot look up which subjects hold a schema: it answers only principals
      // who may read every subject, and leaves the others to the route, which checks.
      case Authenticator.Outcome.Authenticated authenticated ->
          rule instanceof AccessRule.SchemasOfSubjects
              ? authenticated.principal().mayOnEverySubject(Role.READ)
              : permits(authenticated.principal(), rule);
    };
  }

  private static boolean permits(Principal principal, AccessRule rule) {
    return switch (rule) {
      case AccessRule.Open open -> true;
      case AccessRule.OnSubject on -> principal.mayOnSubject(on.role(), on.subject());
      case AccessRule.Global global -> principal.mayGlobally(global.role());
      case AccessRule.Anywhere anywhere -> principal.mayAnywhere(anywhere.role());
      case AccessRule.SchemasOfSubjects schemas -> principal.mayAnywhere(Role.READ);
    };
  }

  /** The subjects of a listing this request's principal may read (all of them when auth is off). */
  public static List<String> readable(Context ctx, List<String> subjects) {
    Principal principal = ctx.attribute(PRINCIPAL);
    if (principal == null) {
      return subjects;
    }
    return subjects.stream().filter(s -> principal.mayOnSubject(Role.READ, s)).toList();
  }

  /** Whether this request's principal may read every subject (always, when auth is off). */
  public static boolean readsEverySubject(Context ctx) {
    Principal principal = ctx.attribute(PRINCIPAL);
    return principal == null || principal.mayOnEverySubject(Role.READ);
  }

  /** Whether this request's principal may read this subject (always, when auth is off). */
  public static boolean mayRead(Context ctx, String subject) {
    Principal principal = ctx.attribute(PRINCIPAL);
    return principal == null || principal.mayOnSubject(Role.READ, subject);
  }

  /**
   * The 403 for a schema the principal may not read (one registered under no subject it may read,
   * or a referenced subject): schemas by id are shared, their content is not.
   */
  public static RegistryServerException schemaDenied(Context ctx, String what) {
    Principal principal = ctx.attribute(PRINCIPAL);
    String user = principal == null ? "The caller" : "User '" + principal.name() + "'";
    return new RegistryServerException(
        Reason.FORBIDDEN, user + " is denied operation Read on " + what);
  }

  private static String denial(Principal principal, AccessRule rule) {
    String user = "User '" + principal.name() + "'";
    return switch (rule) {
      case AccessRule.OnSubject on ->
          user + " is denied operation " + verb(on.role()) + " on Subject: " + on.subject();
      case AccessRule.Global global ->
          user + " is denied operation " + verb(global.role()) + " on the global settings";
      case AccessRule.Anywhere anywhere ->
          user + " is denied operation " + verb(anywhere.role()) + ": no grant allows it";
      case AccessRule.SchemasOfSubjects schemas ->
          user + " is denied operation Read: no grant allows it";
      case AccessRule.Open open -> user + " is denied";
    };
  }

  private static String verb(Role role) {
    String name = role.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
