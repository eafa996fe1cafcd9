package io.ieum.devcluster;

import java.util.List;
import java.util.stream.IntStream;

/** One of the three sites (datacenters); each runs exactly one Cassandra node. */
public record Site(int number) {

    public static final int COUNT = 3;

    public Site {
        if (number < 1 || number > COUNT) {
            throw new IllegalArgumentException("site: " + number + " (expected: 1.." + COUNT + ")");
        }
    }

    public static Site of(int number) {
        return new Site(number);
    }

    public static List<Site> all() {
        return IntStream.rangeClosed(1, COUNT).mapToObj(Site::new).toList();
    }

    /** Site 1, the first: its Ieum node creates the schema, the store tests talk to its node. Every node is a Cassandra seed. */
    public static Site seed() {
        return new Site(1);
    }

    public boolean isSeed() {
        return number == 1;
    }

    public String datacenter() {
        return "dc" + number;
    }

    @Override
    public String toString() {
        return "site" + number;
    }
}
