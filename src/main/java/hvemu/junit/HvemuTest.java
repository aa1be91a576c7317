package hvemu.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs an emulator for the annotated test class: started on a free loopback port before the class's first test
 * (and its {@code @BeforeAll} methods), reset before each test unless {@link #resetBeforeEach()} is false, and
 * stopped after the class. Test methods, constructors and lifecycle methods take a {@link HvemuRuntimeInfo}
 * parameter for its URLs, credentials and {@link hvemu.control.Admin}. {@code @Nested} classes share the
 * enclosing class's emulator.
 *
 * <pre>
 * &#64;HvemuTest(user = "admin", password = "Pa55w.rd", jobs = "immediate")
 * class PoolTest {
 *     &#64;Test
 *     void createsAPool(HvemuRuntimeInfo hvemu) { ... hvemu.endpointUri() ... hvemu.admin() ... }
 * }
 * </pre>
 *
 * <p>An empty string leaves a setting at the emulator's default. For settings this annotation does not have,
 * use the programmatic form, {@link HvemuExtension#builder()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(HvemuExtension.class)
public @interface HvemuTest {
    /** The MOF file of the instances to serve; the built-in two-node cluster when empty. */
    String topology() default "";

    /** The user every request must authenticate as (HTTP Basic); no authentication when empty. */
    String user() default "";

    /** The password of {@link #user()}. */
    String password() default "";

    /** How jobs progress: {@code immediate}, {@code manual}, or a duration such as {@code 2s}; 1 s when empty. */
    String jobs() default "";

    /**
     * The scenario to start with (job modes and fault rules, re-applied by every reset): a file path, relative
     * to the working directory, or {@code classpath:NAME} for a resource of the test's class path.
     */
    String scenario() default "";

    /** Whether the emulator is reset ({@link hvemu.control.Admin#reset()}) before each test. */
    boolean resetBeforeEach() default true;

    /**
     * Whether the emulator serves HTTPS too, on a free port, with a self-signed certificate made for it
     * ({@link HvemuRuntimeInfo#certificate()}).
     */
    boolean https() default false;
}
