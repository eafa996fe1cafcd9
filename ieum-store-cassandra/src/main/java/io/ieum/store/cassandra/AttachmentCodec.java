package io.ieum.store.cassandra;

import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.TupleType;

import io.ieum.core.model.Attachment;

/** Attachments as {@code list<tuple<sha256, name, content type, size>>}: no escaping, any characters. */
final class AttachmentCodec {

    static final TupleType TUPLE = DataTypes.tupleOf(DataTypes.TEXT, DataTypes.TEXT, DataTypes.TEXT, DataTypes.BIGINT);

    private AttachmentCodec() {}

    static List<TupleValue> encode(List<Attachment> attachments) {
        List<TupleValue> values = new ArrayList<>(attachments.size());
        for (Attachment a : attachments) {
            values.add(TUPLE.newValue(a.sha256(), a.name(), a.contentType(), a.size()));
        }
        return values;
    }

    static List<Attachment> decode(List<TupleValue> values) {
        List<Attachment> attachments = new ArrayList<>(values.size());
        for (TupleValue v : values) {
            attachments.add(new Attachment(v.getString(0), v.getString(1), v.getString(2), v.getLong(3)));
        }
        return List.copyOf(attachments);
    }
}
