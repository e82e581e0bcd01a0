import { z } from "zod";

/** Status polls take no parameters: the request is identified by this browser's cookie only. */
export const emptyQuerySchema = z.strictObject({});
export const emptyBodySchema = z.strictObject({});

/** What the agent's page may know about a verified customer: no national id, no token. */
export type VerifiedCustomer = { name: string; birthdate?: string; eid: string };

export type CibaStatusResponse =
  | {
      status: "pending";
      bindingMessage: string;
      /** Norwegian BankID: the binding message is a word pair the caller picks in the app. */
      words: boolean;
      intervalSeconds: number;
      slowedDown: boolean;
      expiresAt: number;
    }
  | { status: "approved"; customer: VerifiedCustomer }
  | { status: "denied" | "expired" }
  /** Idura's answer failed verification: nobody is confirmed; `ref` names the log line. */
  | { status: "refused"; reason: "id_token_invalid" | "provider_error"; ref: string };

/** `appLink`: "Open BankID on this device", when Idura gave an autostart token. */
export type HeadlessStartResponse = { qrData: string; expiresAt: number; appLink?: string };

export type HeadlessStatusResponse =
  | { status: "pending"; qrData?: string; hintCode?: string }
  | { status: "approved" }
  | { status: "cancelled" | "expired" }
  /** Idura's answer failed verification: nobody is logged in; `ref` names the log line. */
  | { status: "refused"; reason: "id_token_invalid"; ref: string };
