package io.ieum.cli.bench;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a run over the generator processes. A room's connections all go to one process, so the
 * process that timed a send sees every delivery of it; sends are shared in proportion to connections.
 */
final class BenchShares {

    private BenchShares() {}

    static List<WorkerShare> split(BenchPlan plan, BenchSetup.Users users) {
        int grouped = plan.groups() * plan.groupSize();
        // Connection c belongs to user c % grouped, whose room is (c % grouped) / groupSize.
        List<List<Integer>> connectionsOfRoom = new ArrayList<>();
        for (int g = 0; g < plan.groups(); g++) {
            connectionsOfRoom.add(new ArrayList<>());
        }
        for (int c = 0; c < plan.connections(); c++) {
            connectionsOfRoom.get((c % grouped) / plan.groupSize()).add(c);
        }
        List<List<WorkerShare.Seat>> seats = new ArrayList<>();
        for (int p = 0; p < plan.processes(); p++) {
            seats.add(new ArrayList<>());
        }
        for (int g = 0; g < plan.groups(); g++) {
            List<Integer> members = connectionsOfRoom.get(g);
            for (int m = 0; m < members.size(); m++) {
                String token = users.tokens().get(members.get(m) % grouped);
                seats.get(g % plan.processes()).add(new WorkerShare.Seat(token, users.rooms().get(g), m, members.size()));
            }
        }
        List<WorkerShare> shares = new ArrayList<>();
        long total = plan.totalSends();
        long[] sends = new long[plan.processes()];
        long given = 0;
        for (int p = 0; p < plan.processes(); p++) {
            sends[p] = total * seats.get(p).size() / plan.connections();
            given += sends[p];
        }
        // The rounding remainder goes to process 0, which always holds room 0's connections.
        sends[0] += total - given;
        double seconds = plan.fullRateSeconds();
        for (int p = 0; p < plan.processes(); p++) {
            InetAddress bind = plan.bindOf(p);
            shares.add(new WorkerShare(p, plan.servers(), bind == null ? null : bind.getHostAddress(), plan.ioThreads(),
                    seats.get(p), Math.max(sends[p] / seconds, 1e-3), sends[p], plan.grace().toMillis(),
                    plan.warmup().toMillis(), plan.spread(), plan.sendTick().toNanos(), plan.rampUp()));
        }
        return shares;
    }
}
