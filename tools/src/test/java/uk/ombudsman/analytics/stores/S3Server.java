package uk.ombudsman.analytics.stores;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 API server on 127.0.0.1 (s3proxy), keeping its objects in a local folder, with signed requests
 * checked against a test key pair: what the S3A connector talks to in these tests, as it would to AWS or MinIO.
 */
public final class S3Server implements AutoCloseable {
    /** Invented credentials: the server checks signatures against them, so a wrong key fails as it would on AWS. */
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key-a8f3c2e1d9";

    private final S3Proxy proxy;
    private final BlobStoreContext context;

    private S3Server(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    /** Starts a server on a free port, storing objects under {@code folder}, with these buckets. */
    public static S3Server start(Path folder, String... buckets) throws Exception {
        Files.createDirectories(folder);
        Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", folder.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials("local", "local").overrides(p)
                .buildView(BlobStoreContext.class);
        for (String b : buckets) {
            context.getBlobStore().createContainerInLocation(null, b);
        }
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // The AWS SDK sends CRC32 checksum headers s3proxy does not know (AWS and MinIO accept them).
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(20);
        }
        return new S3Server(proxy, context);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /**
     * What a user passes with {@code --conf} to reach this server, secrets aside: the endpoint, path-style
     * addressing (no bucket.host DNS names on 127.0.0.1) and a region, so the connector does not look one up.
     */
    public Map<String, String> sparkConf() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("spark.hadoop.fs.s3a.endpoint", endpoint());
        c.put("spark.hadoop.fs.s3a.endpoint.region", "us-east-1");
        c.put("spark.hadoop.fs.s3a.path.style.access", "true");
        c.put("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
        return c;
    }

    /** The same with the key pair: for in-process tests; scripts take the keys from the environment. */
    public Map<String, String> sparkConfWithKeys() {
        Map<String, String> c = sparkConf();
        c.put("spark.hadoop.fs.s3a.access.key", ACCESS_KEY);
        c.put("spark.hadoop.fs.s3a.secret.key", SECRET_KEY);
        return c;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
