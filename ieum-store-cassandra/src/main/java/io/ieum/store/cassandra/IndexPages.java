package io.ieum.store.cassandra;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Reads a list through an index table whose rows are written before the items they name (ADR 0016):
 * a create cut off between the two and never retried leaves an index row with no item. Such rows
 * resolve to nothing and are skipped, so a list would come back short of its limit; here the index is
 * read page by page until the limit is filled or the index ends.
 */
final class IndexPages {

    private IndexPages() {}

    /**
     * @param query   the index query, without a LIMIT
     * @param resolve the stored items named by one page of index rows, in their order (missing ones left out)
     */
    static <T> List<T> fill(Cql cql, BoundStatement query, int limit, Function<List<Row>, List<T>> resolve) {
        requireNonNull(cql, "cql");
        requireNonNull(resolve, "resolve");
        List<T> result = new ArrayList<>();
        BoundStatement next = requireNonNull(query, "query");
        while (result.size() < limit) {
            ResultSet rows = cql.execute(next.setPageSize(limit - result.size()));
            List<Row> page = new ArrayList<>(rows.getAvailableWithoutFetching());
            for (int left = rows.getAvailableWithoutFetching(); left > 0; left--) {
                page.add(rows.one());
            }
            result.addAll(resolve.apply(page));
            ByteBuffer more = rows.getExecutionInfo().getPagingState();
            if (more == null) {
                break;
            }
            next = next.setPagingState(more);
        }
        return result;
    }
}
