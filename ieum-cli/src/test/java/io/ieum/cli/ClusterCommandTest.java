package io.ieum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ieum.devcluster.Site;
import io.ieum.devcluster.SiteAddressing;

/** {@code ieum cluster ...} without starting anything: usage errors, empty directories, each site's environment. */
class ClusterCommandTest {

    @TempDir
    Path dir;
    private Locale saved;

    @BeforeEach
    void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void helpShouldListEverySubcommand() {
        CliRun run = CliRun.run("cluster", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("up", "status", "down", "kill", "start", "repair", "three-site");
    }

    @Test
    void onlyThreeSitesShouldBeAccepted() {
        CliRun run = CliRun.run("cluster", "up", "--sites", "2", "--dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--sites 2: only 3 sites are supported");
    }

    @Test
    void aSiteOutsideOneToThreeShouldBeAUsageError() {
        CliRun run = CliRun.run("cluster", "kill", "--site", "4", "--dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--site 4 (expected: 1..3)");
    }

    @Test
    void aNonLoopbackPrefixShouldBeRefused() {
        CliRun run = CliRun.run("cluster", "up", "--address-prefix", "10.0.0.", "--dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--address-prefix 10.0.0.");
    }

    @Test
    void statusDownKillAndStartOfAnEmptyDirectoryShouldSayThereIsNoCluster() {
        for (String[] args : new String[][] {{"status"}, {"down"}, {"kill", "--site", "1"}, {"start", "--site", "1"},
                {"repair", "--site", "1"}}) {
            String[] full = new String[args.length + 3];
            full[0] = "cluster";
            System.arraycopy(args, 0, full, 1, args.length);
            full[args.length + 1] = "--dir";
            full[args.length + 2] = dir.toString();
            CliRun run = CliRun.run(full);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.FAILED);
            assertThat(run.err()).as(String.join(" ", args)).contains("No cluster in " + dir.toAbsolutePath().normalize());
        }
    }

    @Test
    void eachSiteShouldTalkToItsOwnCassandraFirstAndNameTheOtherSitesAsPeers() {
        IeumSites sites = IeumSites.create(dir, SiteAddressing.DEFAULT, 8081);
        var env = sites.environment(Site.of(2));
        assertThat(env).containsEntry("IEUM_HTTP_HOST", "127.0.0.2")
                .containsEntry("IEUM_HTTP_PORT", "8082")
                .containsEntry("IEUM_STORAGE_BACKEND", "cassandra")
                .containsEntry("IEUM_CASSANDRA_CONTACTPOINTS", "127.0.0.2:9042,127.0.0.1:9042,127.0.0.3:9042")
                .containsEntry("IEUM_CASSANDRA_LOCALDATACENTER", "dc2")
                .containsEntry("IEUM_NODE_NAME", "site2")
                .containsEntry("IEUM_NODE_PEERS", "http://127.0.0.1:8081,http://127.0.0.3:8083");
        assertThat(io.ieum.server.config.ServerConfig.load(null, env).cassandra().localDatacenter()).isEqualTo("dc2");
        assertThat(IeumSites.attach(dir)).hasValueSatisfying(a -> assertThat(a.url(Site.of(3))).isEqualTo("http://127.0.0.3:8083"));
        assertThat(sites.process(Site.of(1))).isEmpty();
    }

    @Test
    void aPidFileNamingAnotherProcessShouldNotBeTakenForTheSitesNode() throws IOException {
        IeumSites sites = IeumSites.create(dir, SiteAddressing.DEFAULT, 8081);
        java.nio.file.Files.createDirectories(sites.siteDir(Site.of(1)));
        java.nio.file.Files.writeString(sites.siteDir(Site.of(1)).resolve("ieum.pid"), Long.toString(ProcessHandle.current().pid()));
        assertThat(sites.process(Site.of(1))).isEmpty();
        sites.kill(Site.of(1));
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void thisJvmsJavaAndClasspathShouldRunTheCliAsAChildProcess() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IeumCli.class.getName(), "--version")
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(output).isZero();
        assertThat(output).contains("ieum 0.1.0");
    }

    @Test
    void childClasspathShouldBeAbsoluteBecauseChildrenRunInTheirSiteDirectory() {
        String cp = IeumSites.absolute("ieum-cli/target/ieum.jar" + java.io.File.pathSeparator + "/opt/x.jar");
        assertThat(cp.split(java.io.File.pathSeparator)).containsExactly(
                Path.of("ieum-cli/target/ieum.jar").toAbsolutePath().normalize().toString(), "/opt/x.jar");
    }

    @Test
    void koreanBundleShouldTranslateEveryKey() throws IOException {
        Properties en = load("/i18n/cli.properties");
        Properties ko = load("/i18n/cli_ko.properties");
        assertThat(ko.stringPropertyNames()).containsAll(en.stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ClusterCommandTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
