package archfixture.bad.application;

/** Bad: only the CLI's output writer may print. */
public class PrintsToStdout {
  void report(String line) {
    System.out.println(line);
  }
}
