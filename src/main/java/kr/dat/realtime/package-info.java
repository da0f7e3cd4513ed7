/** Real time: the headset WebSocket, the doctors' SSE streams, presence and the LISTEN/NOTIFY cluster bus. */
package kr.dat.realtime;
