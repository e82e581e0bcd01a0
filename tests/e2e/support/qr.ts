/** The kit's decoder: read the QR from the pixels on screen, as a phone camera would. */
export { decodeQr } from "../../kit";
