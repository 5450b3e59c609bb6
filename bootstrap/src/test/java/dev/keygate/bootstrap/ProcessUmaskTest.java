package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The process's file-mode mask, read without the native bridge where Linux tells it. */
class ProcessUmaskTest {

  @Test
  void onLinux_current_isTheMaskAChildProcessInherits() throws IOException, InterruptedException {
    assumeTrue(Files.exists(Path.of("/proc/self/status")), "Linux only");
    Process shell = new ProcessBuilder("sh", "-c", "umask").redirectErrorStream(true).start();
    String inherited = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(shell.waitFor()).isZero();

    assertThat(ProcessUmask.current()).hasValue(Integer.parseInt(inherited.trim(), 8));
  }
}
