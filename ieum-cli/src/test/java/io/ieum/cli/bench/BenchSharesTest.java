package io.ieum.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchSharesTest {

    @Test
    void everyRoomShouldLiveInOneProcessAndEverySendBeGivenOnce() throws Exception {
        BenchPlan plan = new BenchPlan(List.of(URI.create("http://127.0.0.1:8080")), "p", 70, 10, 1001,
                Duration.ofSeconds(7), 140, Duration.ofSeconds(1), 3,
                List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3")), 1, Duration.ZERO, false, Duration.ZERO, false);
        List<String> tokens = IntStream.range(0, 70).mapToObj(i -> "t" + i).toList();
        List<String> rooms = IntStream.range(0, 7).mapToObj(g -> "r" + g).toList();

        List<WorkerShare> shares = BenchShares.split(plan, new BenchSetup.Users(tokens, rooms));

        assertThat(shares).extracting(WorkerShare::bindAddress).containsExactly("127.0.0.2", "127.0.0.3", "127.0.0.2");
        assertThat(shares.stream().mapToLong(WorkerShare::sends).sum()).isEqualTo(7007);
        assertThat(shares.stream().mapToInt(s -> s.seats().size()).sum()).isEqualTo(140);
        List<String> seen = new ArrayList<>();
        for (WorkerShare share : shares) {
            share.seats().stream().map(WorkerShare.Seat::roomId).distinct().forEach(room -> {
                assertThat(seen).doesNotContain(room);
                seen.add(room);
            });
            // Two devices per user: every room has 20 connections, numbered 0..19.
            assertThat(share.seats()).allSatisfy(seat -> assertThat(seat.roomConnections()).isEqualTo(20));
            assertThat(share.seats().stream().filter(s -> s.roomId().equals(share.seats().get(0).roomId()))
                    .map(WorkerShare.Seat::memberIndex)).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).boxed().toList());
        }
        assertThat(seen).hasSize(7);
    }

    @Test
    void warmUpSendsShouldBeSharedLikeTheOthersAtTheSameRate() {
        BenchPlan plan = twoProcessesOf40Users(Duration.ofSeconds(3), Duration.ofMillis(1), false);

        List<WorkerShare> shares = split40Users(plan);

        assertThat(plan.totalSends()).isEqualTo(1_000);
        assertThat(shares).extracting(WorkerShare::sends).containsExactly(500L, 500L);
        assertThat(shares).extracting(WorkerShare::ratePerSecond).containsExactly(50.0, 50.0);
        assertThat(shares).extracting(WorkerShare::warmupMillis).containsExactly(3_000L, 3_000L);
        assertThat(shares).extracting(WorkerShare::sendTickNanos).containsExactly(1_000_000L, 1_000_000L);
    }

    @Test
    void aRampedWarmUpShouldSendLessAndKeepEachShareAtItsFullRate() {
        BenchPlan plan = twoProcessesOf40Users(Duration.ofSeconds(20), Duration.ZERO, true);

        List<WorkerShare> shares = split40Users(plan);

        // 7 s at 100/s, plus a 20 s warm-up: a 10 s ramp from 10/s to 100/s (550 sends), 10 s at 100/s.
        assertThat(plan.totalSends()).isEqualTo(2_250);
        assertThat(shares).extracting(WorkerShare::sends).containsExactly(1_125L, 1_125L);
        assertThat(shares).extracting(WorkerShare::ratePerSecond).containsExactly(50.0, 50.0);
        assertThat(shares).extracting(WorkerShare::rampUp).containsExactly(true, true);
        // The last send of a share is due at the end of the schedule, not before.
        assertThat(shares.get(0).schedule().dueOffsetNanos(1_124)).isBetween(26_950_000_000L, 27_000_000_000L);
    }

    @Test
    void aNegativeWarmUpShouldBeRefusedNamingIt() {
        assertThatThrownBy(() -> twoProcessesOf40Users(Duration.ofSeconds(-1), Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmup: PT-1S");
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 100_001})
    void aSendTickOutsideZeroToAHundredMillisecondsShouldBeRefusedNamingIt(long micros) {
        assertThatThrownBy(() -> twoProcessesOf40Users(Duration.ZERO, Duration.ofNanos(micros * 1000), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendTick: " + micros + " µs");
    }

    @Test
    void spreadShouldStartEachMembersFailoverListAtItsOwnSite() {
        List<URI> sites = List.of(URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.2:2"),
                URI.create("http://127.0.0.3:3"));
        WorkerShare spread = new WorkerShare(0, sites, null, 1, List.of(), 1, 1, 0, 0, true, 0, false);
        WorkerShare listed = new WorkerShare(0, sites, null, 1, List.of(), 1, 1, 0, 0, false, 0, false);

        assertThat(spread.serversOf(0)).containsExactly(sites.get(0), sites.get(1), sites.get(2));
        assertThat(spread.serversOf(1)).containsExactly(sites.get(1), sites.get(2), sites.get(0));
        assertThat(spread.serversOf(5)).containsExactly(sites.get(2), sites.get(0), sites.get(1));
        assertThat(listed.serversOf(1)).isEqualTo(sites);
    }

    /** 40 users in 4 rooms of 10, 100 sends/s for 7 s after the warm-up, over two processes. */
    private static BenchPlan twoProcessesOf40Users(Duration warmup, Duration sendTick, boolean rampUp) {
        return new BenchPlan(List.of(URI.create("http://127.0.0.1:8080")), "p", 40, 10, 100, Duration.ofSeconds(7), 40,
                Duration.ofSeconds(1), 2, List.of(), 1, warmup, false, sendTick, rampUp);
    }

    private static List<WorkerShare> split40Users(BenchPlan plan) {
        List<String> tokens = IntStream.range(0, 40).mapToObj(i -> "t" + i).toList();
        List<String> rooms = IntStream.range(0, 4).mapToObj(g -> "r" + g).toList();
        return BenchShares.split(plan, new BenchSetup.Users(tokens, rooms));
    }
}
