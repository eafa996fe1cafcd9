package io.ieum.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.ieum.cli.ExitCodes;
import io.ieum.cli.IeumCli;

/** Bad drill options are refused before any cluster is touched. */
class DrillCommandTest {

    private static String[] run(String... args) {
        Locale.setDefault(Locale.ENGLISH);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = IeumCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void moreRoomsThanTriplesOfClientsShouldBeAUsageError() {
        String[] result = run("drill", "fire", "--clients", "6", "--rooms", "3", "--dir", "/nonexistent/drill");

        assertThat(result[0]).isEqualTo(Integer.toString(ExitCodes.USAGE));
        assertThat(result[2]).contains("rooms: 3 (expected: 1..2, every room has a member on each site)");
    }

    @Test
    void aSiteOutsideOneToThreeShouldBeAUsageError() {
        String[] result = run("drill", "partition", "--site", "4", "--dir", "/nonexistent/drill");

        assertThat(result[0]).isEqualTo(Integer.toString(ExitCodes.USAGE));
        assertThat(result[2]).contains("site: 4 (expected: 1..3)");
    }

    @Test
    void aNonLoopbackPrefixShouldBeAUsageError() {
        String[] result = run("drill", "fire", "--address-prefix", "10.0.0.", "--dir", "/nonexistent/drill");

        assertThat(result[0]).isEqualTo(Integer.toString(ExitCodes.USAGE));
        assertThat(result[2]).contains("prefix: 10.0.0. (expected: 127.x.y.)");
    }

    @Test
    void leaveKilledShouldBeAnOptionOfTheFireDrillOnly() {
        String[] fire = run("drill", "fire", "--leave-killed", "--warmup", "1", "--dir", "/nonexistent/drill");
        String[] partition = run("drill", "partition", "--leave-killed", "--dir", "/nonexistent/drill");

        assertThat(fire[0]).isEqualTo(Integer.toString(ExitCodes.USAGE));
        assertThat(fire[2]).contains("--warmup 1 --fault 10 --settle 5 (expected: warmup >= 2");
        assertThat(partition[0]).isEqualTo(Integer.toString(ExitCodes.USAGE));
        assertThat(partition[2]).contains("--leave-killed");
    }

    @Test
    void theFireDrillsHelpShouldDescribeLeaveKilled() {
        String[] help = run("drill", "fire", "--help");

        assertThat(help[0]).isEqualTo("0");
        assertThat(help[1]).contains("--leave-killed", "leave the killed site dead");
    }
}
