package dev.yolocam.audit;

/** Audit rows for tests: only what the summary and the report read is set, boxes are a fixed 10x10 square. */
final class Rows {
    private Rows() {
    }

    static AuditRow tp(String image, int index, int classId, String name, double conf, Double ownMass,
                       Boolean hit) {
        return detection(image, index, Outcome.TP, true, classId, name, conf, ownMass, hit);
    }

    static AuditRow fp(String image, int index, int classId, String name, double conf, Double ownMass) {
        return detection(image, index, Outcome.FP, true, classId, name, conf, ownMass, null);
    }

    /** A detection below --conf: no map, there for AP50 only. */
    static AuditRow below(String image, int index, Outcome outcome, int classId, String name, double conf) {
        return detection(image, index, outcome, false, classId, name, conf, null, null);
    }

    static AuditRow miss(String image, int index, int classId, String name, String reason) {
        return new AuditRow(image, index, Outcome.MISS, true, classId, name, 0.1, 0.0, 0.0, 10.0, 10.0,
                0.0, 0.0, 10.0, 10.0, 0.6, reason, null, 0.2, 0.1, false, 0.1,
                "maps/" + image + "-miss" + index + ".npy", "thumbs/" + image + "-miss" + index + ".png", null,
                64, 48);
    }

    static AuditRow withThumbnail(AuditRow r, String thumbnail) {
        return new AuditRow(r.image(), r.index(), r.outcome(), r.kept(), r.classId(), r.className(),
                r.confidence(), r.x1(), r.y1(), r.x2(), r.y2(), r.labelX1(), r.labelY1(), r.labelX2(), r.labelY2(),
                r.iou(), r.missReason(), r.missBy(), r.ownBoxMass(), r.otherBoxMass(), r.pointingHit(),
                r.pointingEnergy(), r.map(), thumbnail, r.error(), r.imageWidth(), r.imageHeight());
    }

    private static AuditRow detection(String image, int index, Outcome outcome, boolean kept, int classId,
                                      String name, double conf, Double ownMass, Boolean hit) {
        boolean matched = outcome == Outcome.TP;
        return new AuditRow(image, index, outcome, kept, classId, name, conf, 0.0, 0.0, 10.0, 10.0,
                matched ? 1.0 : null, matched ? 1.0 : null, matched ? 10.0 : null, matched ? 10.0 : null,
                matched ? 0.81 : null, null, null, ownMass, ownMass == null ? null : 0.05, hit,
                ownMass == null ? null : ownMass,
                kept ? "maps/" + image + "-" + index + ".npy" : null,
                kept ? "thumbs/" + image + "-" + index + ".png" : null, null, 64, 48);
    }
}
