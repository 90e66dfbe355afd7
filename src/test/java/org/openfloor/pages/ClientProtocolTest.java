package org.openfloor.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openfloor.live.wire.Addresses;
import org.openfloor.live.wire.CommandCodec;

/** The pages' protocol module (webroot/js/protocol.js), read as text, against the server's own lists. */
@DisplayName("The client protocol module")
class ClientProtocolTest {
  private static final Path SCRIPTS = Path.of("webroot", "js");
  private static final Path PROTOCOL = SCRIPTS.resolve("protocol.js");
  private static final String CODE = "K7M2QX";
  private static final String PARTICIPANT = CODE + "-p3";
  private static final String GROUP = "g4";
  /** Sessions are created over REST only; the bridge refuses this type, so the pages do not list it. */
  private static final List<String> NOT_ON_THE_BRIDGE = List.of(CommandCodec.CREATE_SESSION);

  @Test
  @DisplayName("lists exactly the command types of CommandCodec that the bridge takes, createSession left out")
  void commandNamesMatchTheServer() throws Exception {
    List<String> server = Arrays.stream(CommandCodec.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(ClientProtocolTest::value).filter(name -> !NOT_ON_THE_BRIDGE.contains(name)).toList();
    Map<String, String> client = entries(block("COMMAND"), Pattern.compile("(\\w+):\\s*'([^']+)'"));

    assertThat(server).as("CommandCodec's public names").isNotEmpty();
    assertThat(client.values()).as("the values of COMMAND in protocol.js").doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(server);
  }

  @Test
  @DisplayName("builds the commands address and every outbound address exactly as Addresses does, and the server parses them")
  void addressesMatchTheServer() throws IOException {
    String source = Files.readString(PROTOCOL);
    Matcher commands = Pattern.compile("export const COMMANDS_ADDRESS = '([^']+)';").matcher(source);
    assertThat(commands.find()).as("COMMANDS_ADDRESS in protocol.js").isTrue();
    assertThat(commands.group(1)).isEqualTo(Addresses.COMMANDS);

    Map<String, String> constants = entries(source, Pattern.compile("(?m)^const (\\w+) = '([^']*)';"));
    Map<String, String> samples = Map.of("code", CODE, "participantId", PARTICIPANT, "groupId", GROUP);
    Map<String, String> built = new LinkedHashMap<>();
    entries(block("addresses"), Pattern.compile("(\\w+):\\s*\\([^)]*\\)\\s*=>\\s*`([^`]*)`"))
        .forEach((name, template) -> built.put(name, render(template, constants, samples)));

    assertThat(built).containsExactlyInAnyOrderEntriesOf(Map.of(
        "session", Addresses.publicOf(CODE),
        "moderators", Addresses.moderatorsOf(CODE),
        "participant", Addresses.participant(PARTICIPANT),
        "group", Addresses.groupOf(CODE, GROUP)));
    assertThat(built.values()).allSatisfy(address -> assertThat(Addresses.parseOutbound(address)).as(address).isPresent());
  }

  @Test
  @DisplayName("is the only script that spells a bridge address, and commands leave only through commands.js")
  void pagesUseTheModules() throws IOException {
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      Map<String, String> others = new LinkedHashMap<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".js") && !f.equals(PROTOCOL)).sorted().toList()) {
        others.put(file.getFileName().toString(), Files.readString(file));
      }
      assertThat(others).isNotEmpty().allSatisfy((name, source) -> {
        assertThat(source).as(name).doesNotContain("'" + Addresses.COMMANDS + "'", "`" + Addresses.publicOf(""));
        if (!name.equals("commands.js")) {
          assertThat(source).as(name).doesNotContain("bus.command(");
        }
      });
    }
  }

  /** The body of {@code export const name = Object.freeze({ … });} in protocol.js. */
  private static String block(String name) throws IOException {
    Matcher matcher = Pattern.compile("export const " + name + " = Object\\.freeze\\(\\{(.*?)\\}\\);", Pattern.DOTALL)
        .matcher(Files.readString(PROTOCOL));
    assertThat(matcher.find()).as("%s in protocol.js", name).isTrue();
    return matcher.group(1);
  }

  private static Map<String, String> entries(String text, Pattern entry) {
    Map<String, String> found = new LinkedHashMap<>();
    Matcher matcher = entry.matcher(text);
    while (matcher.find()) {
      found.put(matcher.group(1), matcher.group(2));
    }
    return found;
  }

  /** A template literal with its ${…} filled in from the module's constants or the sample arguments. */
  private static String render(String template, Map<String, String> constants, Map<String, String> samples) {
    Matcher matcher = Pattern.compile("\\$\\{(\\w+)}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = constants.containsKey(name) ? constants.get(name) : samples.get(name);
      assertThat(value).as("${%s} in `%s`", name, template).isNotNull();
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return matcher.appendTail(out).toString();
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
