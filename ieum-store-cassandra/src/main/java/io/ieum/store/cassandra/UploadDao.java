package io.ieum.store.cassandra;

import static io.ieum.store.cassandra.UploadsTable.*;

import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.ieum.core.id.UserId;
import io.ieum.core.model.BlobInfo;

/** {@link UploadsTable}. */
final class UploadDao {

    private final Cql cql;
    private final PreparedStatement insert;
    private final PreparedStatement selectOne;
    private final PreparedStatement selectAll;

    UploadDao(Cql cql) {
        this.cql = cql;
        this.insert = cql.prepare("INSERT INTO {ks}." + NAME + " (" + USER_ID + ", " + SHA256 + ", " + SIZE + ") VALUES (?, ?, ?)");
        this.selectOne = cql.prepare("SELECT " + SIZE + " FROM {ks}." + NAME + " WHERE " + USER_ID + " = ? AND " + SHA256 + " = ?");
        this.selectAll = cql.prepare("SELECT " + SHA256 + ", " + SIZE + " FROM {ks}." + NAME + " WHERE " + USER_ID + " = ?");
    }

    void insert(UserId user, BlobInfo info) {
        cql.execute(insert.bind(user.uuid(), info.sha256(), info.size()));
    }

    boolean exists(UserId user, String sha256) {
        return cql.execute(selectOne.bind(user.uuid(), sha256)).one() != null;
    }

    List<BlobInfo> list(UserId user) {
        List<BlobInfo> uploads = new ArrayList<>();
        for (Row row : cql.execute(selectAll.bind(user.uuid()))) {
            uploads.add(new BlobInfo(row.getString(SHA256), row.getLong(SIZE)));
        }
        return uploads;
    }
}
