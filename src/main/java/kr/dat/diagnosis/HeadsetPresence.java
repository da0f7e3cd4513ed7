package kr.dat.diagnosis;

/** Whether a patient's headset has an open WebSocket on any node (implemented by the realtime feature). */
public interface HeadsetPresence {

    boolean isConnected(int patientId);
}
