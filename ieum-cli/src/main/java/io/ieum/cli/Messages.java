package io.ieum.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The CLI's output text, from {@code i18n/cli.properties} and its translations. */
public final class Messages {

    public static final String BUNDLE = "i18n.cli";

    private Messages() {}

    public static String get(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
        return new MessageFormat(bundle.getString(key), Locale.getDefault()).format(args);
    }
}
