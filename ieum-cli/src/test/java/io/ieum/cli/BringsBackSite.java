package io.ieum.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a real-cluster class whose own test brings a killed site back ({@code cluster start}):
 * {@link SharedClusterExtension} leaves that site as it finds it, dead or alive, instead of starting
 * it first, so a site an earlier class left dead is started once, by the test that checks the
 * rejoin (ADR 0018). The class must cope with either state (kill the site itself if it runs).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BringsBackSite {

    /** The site number, 1..3. */
    int value();
}
