package io.github.pcusage.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A module's public API as text: every public or protected type, constructor, method and field of
 * the given packages (read from {@code target/classes}), one line each, sorted. A module's API test
 * compares it with the module's committed dump ({@link #assertMatches}), so that every API change
 * shows in review.
 */
public final class ApiDump {
  private ApiDump() {}

  /**
   * Fails, listing what was added and removed, unless the API of {@code packages} is the dump at
   * {@code dumpFile} (relative to the module); with {@code -Dapi.dump.update=true} writes the dump
   * instead.
   *
   * @param module the module's folder name, for the message
   * @param dumpFile the committed dump, for example {@code api/partner-center-usage.api}
   * @param testName the test class's simple name, for the update command in the message
   * @param packages the published packages
   * @throws Exception if the classes cannot be read
   */
  public static void assertMatches(
      String module, Path dumpFile, String testName, List<String> packages) throws Exception {
    List<String> actual = dump(packages);
    if (Boolean.getBoolean("api.dump.update")) {
      Files.createDirectories(dumpFile.toAbsolutePath().getParent());
      Files.write(dumpFile, actual, StandardCharsets.UTF_8);
      return;
    }
    List<String> expected =
        Files.exists(dumpFile) ? Files.readAllLines(dumpFile, StandardCharsets.UTF_8) : List.of();
    if (!actual.equals(expected)) {
      TreeSet<String> added = new TreeSet<>(actual);
      expected.forEach(added::remove);
      TreeSet<String> removed = new TreeSet<>(expected);
      actual.forEach(removed::remove);
      fail(
          "The public API differs from "
              + module
              + "/"
              + dumpFile
              + ".\nAdded:\n  "
              + String.join("\n  ", added)
              + "\nRemoved:\n  "
              + String.join("\n  ", removed)
              + "\nIf the change is intended, update the dump with:\n"
              + "  mvn -pl "
              + module
              + " test -Dtest="
              + testName
              + " -Dapi.dump.update=true\n"
              + "and commit it with the change.");
    }
  }

  /**
   * Returns the API of {@code packages} as sorted lines.
   *
   * @param packages the packages, read from {@code target/classes}
   * @return one line per type and member
   * @throws IOException if a package folder cannot be listed
   * @throws ClassNotFoundException if a class file cannot be loaded
   */
  public static List<String> dump(List<String> packages)
      throws IOException, ClassNotFoundException {
    TreeSet<String> lines = new TreeSet<>();
    Path classes = Paths.get("target", "classes");
    for (String pkg : packages) {
      Path dir = classes.resolve(pkg.replace('.', '/'));
      List<String> names;
      try (Stream<Path> files = Files.list(dir)) {
        names =
            files
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length()))
                .collect(Collectors.toList());
      }
      for (String name : names) {
        Class<?> type = Class.forName(name, false, ApiDump.class.getClassLoader());
        if (isVisible(type)) {
          describe(type, lines);
        }
      }
    }
    return new ArrayList<>(lines);
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      int m = t.getModifiers();
      if (!Modifier.isPublic(m) && !(Modifier.isProtected(m) && t != type)) {
        return false;
      }
    }
    return !type.isAnonymousClass() && !type.isSynthetic();
  }

  private static void describe(Class<?> type, TreeSet<String> lines) {
    String name = type.getName();
    StringBuilder header = new StringBuilder(name).append(": ");
    header.append(Modifier.toString(type.getModifiers() & ~Modifier.INTERFACE & ~Modifier.STATIC));
    header.append(type.isInterface() ? " interface" : type.isEnum() ? " enum" : " class");
    if (type.getGenericSuperclass() != null
        && type.getSuperclass() != Object.class
        && !type.isEnum()) {
      header.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      header.append(" implements ");
      header.append(
          Stream.of(type.getGenericInterfaces())
              .map(java.lang.reflect.Type::getTypeName)
              .collect(Collectors.joining(", ")));
    }
    lines.add(header.toString());
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (visible(c.getModifiers()) && !c.isSynthetic()) {
        lines.add(name + ": " + c.toGenericString());
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        lines.add(name + ": " + m.toGenericString());
      }
    }
    // Public members inherited from a package-private base (as PartnerCenterClient.Builder has
    // from ClientOptions) are API of the public type: dump them as its own.
    for (Class<?> base = type.getSuperclass();
        base != null && !Modifier.isPublic(base.getModifiers());
        base = base.getSuperclass()) {
      for (Method m : base.getDeclaredMethods()) {
        if (visible(m.getModifiers()) && !m.isSynthetic()) {
          String own = m.toGenericString().replace(base.getName() + ".", name + ".");
          lines.add(name + ": " + own);
        }
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic()) {
        lines.add(name + ": " + f.toGenericString());
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      if (isVisible(nested)) {
        describe(nested, lines);
      }
    }
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }
}
