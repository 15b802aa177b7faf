/**
 * Robotiq 2F-85 / 2F-140 grippers over Modbus RTU (RS-485 through a USB adapter), no Robotiq software.
 *
 * <p>Notes. Defaults: slave 9, 115200 baud, 8N1. Requests: function 0x10 at register 1000 (3 registers: byte 0
 * action request rACT bit 0, rGTO bit 3; byte 3 position request rPR 0 open .. 255 closed; byte 4 speed rSP;
 * byte 5 force rFR). Status: function 0x04 at register 2000 (3 registers: gACT, gGTO, gSTA (3 = activation
 * complete), gOBJ (object detection); gFLT; position echo; position gPO; current gCU × 10 mA). Activation is a
 * rACT 0 → 1 edge and moves the fingers through their stroke, so it runs in {@code activate()}, not
 * {@code connect()}. CRC-16/Modbus (polynomial 0xA001 reflected, initial 0xFFFF), low byte first.
 */
package studio.tandem.teleop.robotiq;
