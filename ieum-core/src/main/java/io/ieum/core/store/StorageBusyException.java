package io.ieum.core.store;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;

/**
 * The backend has more pending writes than it accepts (its write queue is full). Nothing of the
 * refused write was stored; the caller may answer "busy" ({@link ErrorCode#BUSY}) and retry later
 * with the same IDs.
 */
public class StorageBusyException extends IeumException {

    public StorageBusyException(String detail) {
        super(ErrorCode.BUSY, detail);
    }
}
