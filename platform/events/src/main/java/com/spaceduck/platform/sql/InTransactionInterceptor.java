package com.spaceduck.platform.sql;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Wraps {@link InTransaction} methods in {@link Database#inTransaction}. */
@InTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class InTransactionInterceptor {

  private final Database database;

  public InTransactionInterceptor(Database database) {
    this.database = database;
  }

  @AroundInvoke
  Object inTransaction(InvocationContext invocation) {
    if (!Uni.class.equals(invocation.getMethod().getReturnType())) {
      throw new IllegalStateException(
          "@InTransaction needs a method that returns Uni: " + invocation.getMethod());
    }
    return database.inTransaction(() -> proceed(invocation));
  }

  @SuppressWarnings("unchecked")
  private static Uni<Object> proceed(InvocationContext invocation) {
    try {
      return (Uni<Object>) invocation.proceed();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
