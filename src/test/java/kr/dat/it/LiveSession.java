package kr.dat.it;

import jakarta.json.Json;

/** A doctor with one patient: the setting of every live-session test. */
record LiveSession(Api api, Api.Session doctor, int patientId, String patientCode) {

    static LiveSession create(Api api) {
        Api.Session doctor = api.doctor();
        Api.Reply p = api.post("patients", "{\"name\":\"환자\"}", doctor.accessToken());
        if (p.status() != 201) {
            throw new AssertionError(p.body());
        }
        return new LiveSession(api, doctor, p.json().getInt("id"), p.json().getString("code"));
    }

    /** A started session: the headset told to start, the doctor's stream showing READY. */
    record Running(LiveSession session, Headset headset, int id, StatusWatcher sse) implements AutoCloseable {
        @Override
        public void close() {
            try (headset) {
                sse.close();
            }
        }
    }

    /** A new doctor and patient, the headset connected and a session started and watched. */
    static Running running(Api api) {
        LiveSession s = create(api);
        Headset headset = s.connectHeadset();
        try {
            int id = s.startOk();
            headset.expect("s_start_diagnosis");
            StatusWatcher sse = s.watch(id);
            sse.expect("READY");
            return new Running(s, headset, id, sse);
        } catch (RuntimeException | Error e) {
            headset.close();
            throw e;
        }
    }

    Headset connectHeadset() {
        return Headset.connect(api.base(), patientCode);
    }

    Api.Reply start(String type, int level) {
        return api.post("diagnosis/start", Json.createObjectBuilder().add("patient_id", patientId).add("type", type)
                .add("level", level).build().toString(), doctor.accessToken());
    }

    /**
     * Starts a session on the headset that has just connected. No retry: the socket is in presence
     * before its handshake completes, so a /start right after the open must see it.
     */
    int startOk() {
        return startOk("BALANCEBALL", 1).json().getInt("id");
    }

    /** {@link #startOk()} with a type and level; the 201 reply. */
    Api.Reply startOk(String type, int level) {
        Api.Reply r = start(type, level);
        if (r.status() != 201) {
            throw new AssertionError("start: " + r.status() + " " + r.body());
        }
        return r;
    }

    /** Starts a session, retrying "not connected" until the deadline: for a headset's presence coming back. */
    int startOnceConnected(java.time.Duration within) throws Exception {
        Api.Reply r = Poll.until(within, () -> start("BALANCEBALL", 1),
                reply -> reply.status() == 201 || !"환자가 로그인 상태가 아닙니다.".equals(reply.detail()));
        if (r.status() != 201) {
            throw new AssertionError("start: " + r.status() + " " + r.body());
        }
        return r.json().getInt("id");
    }

    StatusWatcher watch(int diagnosisId) {
        return StatusWatcher.open(api.base(), diagnosisId, doctor.accessToken());
    }

    Api.Reply cancel(int diagnosisId) {
        return api.post("diagnosis/" + diagnosisId + "/cancel", null, doctor.accessToken());
    }
}
