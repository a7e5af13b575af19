package com.spaceduck.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatorsTest {

  private final Operators operators =
      new Operators(
          (IdentityConfig)
              Proxy.newProxyInstance(
                  IdentityConfig.class.getClassLoader(),
                  new Class<?>[] {IdentityConfig.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("operators")) {
                      return Optional.of(List.of(" Ops@Example.COM ", ""));
                    }
                    throw new UnsupportedOperationException(method.getName());
                  }));

  @Test
  void listedEmailIsNoOperatorUntilVerified() {
    assertFalse(operators.isOperator("ops@example.com", false));
    assertTrue(operators.isOperator("ops@example.com", true));
    assertEquals(Set.of("duckling"), operators.groups("ops@example.com", false));
    assertEquals(Set.of("duckling", "operator"), operators.groups("ops@example.com", true));
  }

  @Test
  void unlistedEmailIsNeverAnOperator() {
    assertFalse(operators.isOperator("someone@example.com", true));
    assertFalse(operators.isOperator("", true));
  }
}
