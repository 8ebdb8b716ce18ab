package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The progress bar's words: a percentage of the targets when their count is known, plurals. */
class ProgressTest {
  @Test
  void anExportShowsTheTargetsDoneAndTheirPercentage() {
    assertThat(Progress.status(3, 4, 7)).isEqualTo("3/4 targets (75%), 7 pages");
    assertThat(Progress.status(0, 1, 1)).isEqualTo("0/1 target (0%), 1 page");
    assertThat(Progress.status(1, 1, 0)).isEqualTo("1/1 target (100%), 0 pages");
  }

  @Test
  void aListingShowsItsPagesOnly() {
    assertThat(Progress.status(0, 0, 1)).isEqualTo("1 page");
    assertThat(Progress.status(0, 0, 12)).isEqualTo("12 pages");
  }

  @Test
  void theDrawnBarCarriesThePercentage() {
    List<String> drawn = new ArrayList<>();
    ProgressBarConsumer consumer =
        new ProgressBarConsumer() {
          @Override
          public int getMaxRenderedLength() {
            return 200;
          }

          @Override
          public void accept(String rendered) {
            synchronized (drawn) {
              drawn.add(rendered);
            }
          }

          @Override
          public void close() {}
        };

    try (Progress progress = Progress.show("export", consumer, 4)) {
      progress.page(10);
      progress.targetDone();
      progress.page(5);
      progress.targetDone();
    }

    synchronized (drawn) {
      assertThat(drawn).isNotEmpty();
      assertThat(drawn.get(drawn.size() - 1)).contains("2/4 targets (50%), 2 pages").contains("15");
    }
  }
}
