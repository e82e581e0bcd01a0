import { DIGIDENTITY_PERSONAS } from "../../kit";

/**
 * The sandbox's Digidentity personas and the UID attributes the portal must show for them; the
 * labels are the kit's (DIGIDENTITY_PERSONAS), the one list of them.
 * The first two are exactly the examples of Digidentity's API documentation (seed 001).
 */
export const PERSONAS = {
  ioe: {
    label: DIGIDENTITY_PERSONAS.ioe,
    uids: {
      sub: "e2x0a6mp-37l0-42ps-94ef-u69755438d3o",
      cabuid: "EXA/NL/1234/1EXA2MP34LE5",
      iouid: "EXAMPLEIO/WALDORPSTRAAT13FTHEHAGUE2521CA/NL123456789B01",
      ioeuid: "NL/EXAMPLECAB/1234567890B",
    },
  },
  rsse: {
    label: DIGIDENTITY_PERSONAS.rsse,
    uids: {
      sub: "e6x3a4mp-49l2-66ps-94ef-u39455005d8o",
      cabuid: "EXA/NL/1234/1EXA2MP34LE5",
      iouid: "EXAMPLEIO/WALDORPSTRAAT13FTHEHAGUE2521CA/NL123456789B01",
      ioeuid: "NL/EXAMPLECAB/1234567890B",
      rssuid: "EXAMPLERSS/WALDORPSTRAAT13FTHEHAGUE2521CA/NL987654321B02",
      rsseuid: "NL/EXAMPLECAB/9876543210D",
    },
  },
  revoked: { label: DIGIDENTITY_PERSONAS.revoked },
  rsseOnce: {
    label: DIGIDENTITY_PERSONAS["rsse-once"],
    uids: {
      sub: "e4x2a8mp-62l4-59ps-94ef-u87654321d0o",
      rssuid: "REMOTEDIAG/HOOFDWEG5UTRECHT3511AB/NL444555666B01",
      rsseuid: "NL/EXAMPLECAB/7777777777S",
    },
  },
} as const;
