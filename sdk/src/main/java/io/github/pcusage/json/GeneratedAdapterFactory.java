package io.github.pcusage.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Finds the adapter that the templates generate beside every model and enum of {@code
 * io.github.pcusage.model}: the class {@code <Model>JsonAdapter} in the same package, built once
 * per type with the {@link Moshi} that asks for it. Reflection is used once, to find the adapter;
 * decoding itself uses none.
 */
final class GeneratedAdapterFactory implements JsonAdapter.Factory {
  static final GeneratedAdapterFactory INSTANCE = new GeneratedAdapterFactory();

  private static final String MODEL_PACKAGE = "io.github.pcusage.model.";

  private GeneratedAdapterFactory() {}

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty() || !(type instanceof Class)) {
      return null;
    }
    Class<?> raw = (Class<?>) type;
    if (!raw.getName().startsWith(MODEL_PACKAGE) || raw.getEnclosingClass() != null) {
      return null;
    }
    try {
      Class<?> adapterClass =
          Class.forName(raw.getName() + "JsonAdapter", true, raw.getClassLoader());
      if (raw.isEnum()) {
        Constructor<?> constructor = adapterClass.getDeclaredConstructor();
        constructor.setAccessible(true);
        return (JsonAdapter<?>) constructor.newInstance();
      }
      Constructor<?> constructor = adapterClass.getDeclaredConstructor(Moshi.class);
      constructor.setAccessible(true);
      return (JsonAdapter<?>) constructor.newInstance(moshi);
    } catch (ClassNotFoundException e) {
      return null;
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("Generated adapter of " + raw.getName() + " is unusable", e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException("Generated adapter of " + raw.getName() + " failed", cause);
    }
  }
}
