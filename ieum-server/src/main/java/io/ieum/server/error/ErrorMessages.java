package io.ieum.server.error;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import io.ieum.core.error.ErrorCode;

/**
 * Localized error texts from the {@code i18n/messages} bundles (English default, Korean).
 * The text for a code is followed by the detail that names the value.
 */
public final class ErrorMessages {

    private static final String BUNDLE = "i18n.messages";

    public String text(ErrorCode code, Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString("error." + code.wireName());
        } catch (MissingResourceException notTranslated) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getString("error." + code.wireName());
        }
    }

    /** The body of an unexpected failure: a generic text, never the cause (that goes to the log). */
    public ErrorBody internal(String reference, Locale locale) {
        String text;
        try {
            text = ResourceBundle.getBundle(BUNDLE, locale).getString("error.internal");
        } catch (MissingResourceException notTranslated) {
            text = "Internal error";
        }
        return new ErrorBody("internal", text + ": reference " + reference);
    }

    public ErrorBody body(ErrorCode code, String detail, Locale locale) {
        return new ErrorBody(code.wireName(), text(code, locale) + ": " + detail);
    }
}
