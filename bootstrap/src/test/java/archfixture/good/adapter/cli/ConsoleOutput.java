package archfixture.good.adapter.cli;

/** The one class allowed to print. */
public class ConsoleOutput {
  void print(String line) {
    System.out.println(line);
  }
}
