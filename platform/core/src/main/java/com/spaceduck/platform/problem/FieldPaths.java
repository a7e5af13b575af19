package com.spaceduck.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The field a constraint violation is about, as the client named it: {@code items[2].price.amount}
 * in a body (JSON names), {@code page} for a {@code @QueryParam("page")}, {@code Idempotency-Key}
 * for a header.
 */
final class FieldPaths {

  private final ObjectMapper json;

  FieldPaths(ObjectMapper json) {
    this.json = json;
  }

  String of(ConstraintViolation<?> violation) {
    StringBuilder path = new StringBuilder();
    Path.MethodNode method = null;
    Path.ParameterNode parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD) {
        method = node.as(Path.MethodNode.class);
        continue;
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.as(Path.ParameterNode.class);
        continue;
      }
      if (node.getIndex() != null) {
        path.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null) {
        path.append('[').append(node.getKey()).append(']');
      }
      if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(jsonName(node.getName()));
      }
    }
    if (path.isEmpty() && parameter != null) {
      String declared = method == null ? null : declaredName(violation, method, parameter);
      return declared != null ? declared : jsonName(parameter.getName());
    }
    return path.toString();
  }

  /**
   * The name the request gives the parameter ({@code @QueryParam("agent_id")}), or null when it has
   * none (a body) or the method cannot be found.
   */
  private static String declaredName(
      ConstraintViolation<?> violation, Path.MethodNode method, Path.ParameterNode parameter) {
    List<Class<?>> types = method.getParameterTypes();
    Class<?>[] signature = types.toArray(Class<?>[]::new);
    // The root bean may be a generated subclass (interceptors) whose override has no annotations.
    for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
      Method declared;
      try {
        declared = type.getDeclaredMethod(method.getName(), signature);
      } catch (NoSuchMethodException | SecurityException e) {
        continue;
      }
      Annotation[][] annotations = declared.getParameterAnnotations();
      int index = parameter.getParameterIndex();
      if (index < 0 || index >= annotations.length) {
        return null;
      }
      String name = requestName(annotations[index]);
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  private static String requestName(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      String name = requestName(annotation);
      if (name != null && !name.isEmpty()) {
        return name;
      }
    }
    return null;
  }

  private static String requestName(Annotation annotation) {
    if (annotation instanceof QueryParam query) {
      return query.value();
    } else if (annotation instanceof RestQuery query) {
      return query.value();
    } else if (annotation instanceof PathParam param) {
      return param.value();
    } else if (annotation instanceof RestPath param) {
      return param.value();
    } else if (annotation instanceof HeaderParam header) {
      return header.value();
    } else if (annotation instanceof RestHeader header) {
      return header.value();
    } else if (annotation instanceof CookieParam cookie) {
      return cookie.value();
    } else if (annotation instanceof RestCookie cookie) {
      return cookie.value();
    } else if (annotation instanceof FormParam form) {
      return form.value();
    } else if (annotation instanceof RestForm form) {
      return form.value();
    } else if (annotation instanceof MatrixParam matrix) {
      return matrix.value();
    } else if (annotation instanceof RestMatrix matrix) {
      return matrix.value();
    }
    return null;
  }

  private String jsonName(String javaName) {
    if (json.getPropertyNamingStrategy() instanceof PropertyNamingStrategies.NamingBase naming) {
      return naming.translate(javaName);
    }
    return javaName;
  }
}
