package com.spaceduck.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Prices are integers in minor units: {@code 12.5} or {@code "1250"} must be an error naming the
 * field, not silently become 12 or 1250. Jackson's defaults coerce both.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
  }
}
