package dev.yolocam.audit;

/** Told how an audit advances, for a progress line: images done of the total, including those done before a resume. */
public interface AuditProgress {
    AuditProgress NONE = new AuditProgress() {
        @Override
        public void started(int total, int alreadyDone) {
        }

        @Override
        public void imageDone(String key) {
        }
    };

    /** The audit has {@code total} images, {@code alreadyDone} of them from an earlier, interrupted run. */
    void started(int total, int alreadyDone);

    /** One more image is done (written, or recorded as an error row). */
    void imageDone(String key);
}
