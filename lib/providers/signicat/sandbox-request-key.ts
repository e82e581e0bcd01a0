/**
 * The request-object signing key the portal uses against the SANDBOX only (SANDBOX=on and no
 * SIGNICAT_REQUEST_SIGNING_KEY). Its public half is registered on the sandbox's Signicat clients
 * (sandbox/signicat/registered-keys.ts), as a customer imports a public key on Signicat's
 * "Public keys" page (docs/providers/signicat.md). Never used with SANDBOX=off: it is public.
 */
export const SANDBOX_REQUEST_SIGNING_JWK = {
  kty: "RSA",
  kid: "sandbox-portal-request-signing",
  alg: "RS256",
  use: "sig",
  n: "4K8t2NC60A8uAbOOTi3cc1YIHH6TV7kKQ5ONzCpxt0p8RcNoIUVREnEHw1rAa_m8PM7BXKvxW2sOu1R00UPW4_r_oz0ZEU5ETJ7aSjlaBtTKg4XT7q6v-jRzbD3pOOlfFsv9_aUfdG-p4HHGcPCz9tX1bUoLwc0q9wM4pNGa4zv4ISQlA-4SXkyh8Wmett47TGWzCEXP6XJ1PI0lhXn2Z3T9ag1eNdgegHGCFJ5ZUmV3VCYbun_m0lwmumD7PZJTdk_mGc6BpoxizQe2jGljh-mB6xFJBpxdmC0OeD98I67GMgrnDXAhrgt_h_7iO6ivs3BrMFrr4m9UzDnUhGXSIw",
  e: "AQAB",
  d: "BVyo32-7xZNXKbs7PipiBG6dKvDqW0GTOSGgVKr-o70nUhLjvUeGM8Z2xPa5eNow39KfUrLXw7K-W0Ict5HC4xXuW9rtajhP8PQpiXPs7hTN8G2VLTEGChaOWprvoegP2N9tZEw4f_LaPvz4G2HjKZTZko4d0bYvvE1bYLOP2rRcOF9sJOxyhqFDYVExQX3GAIqWLCaHYaFaWAhdHRH-eRtWCpaI6-QxMUL62EAapjawlr3A8L8Xz1_1f9ahVdEKRPQvG9FF0xouBiwQBu6WHp0vSLK-WEEg3ip5Wymw0xdsR3eKpPtGh7w3PI4AHd55pD1wqrZG4Rjql2ZsH1SToQ",
  p: "9Uk2Exx-mliVkZpXeMeVhp7QMtZP-9YJFan9QceaOsTnA_xbKlmqXI32GQPdO536wno_HH5FsL5JwYlyvC9vTlqGSaZ-8qHWFg1fcJPDEiFhqxGlW7xIw-wf49tVcvKlN38vvKTB8TgF313o0aRDBALVkQTzCWqPBmbU2n8bJGU",
  q: "6n-ZhmO80TeCWzY9mBLMY8RnObDdBnbPhAK7kapgyi-uMhM_tHHuEj2_fC28DuvZjVVDXcMYupW_Ge4gd_GYM-w-zD7erRMdkCDe6Sn7QszIWNUpTQuO_0VdxtNptemhjuFfE2hdvLxIk5kwJOjQeNTD863eyQlCkSB7UNAk3-c",
  dp: "t1U5LZ-moQaFBIcvyf6jLDOXueelcL3RnHep63idNj_ly3zbRxQt2W_h-WCCAwVZX_KvKUTYIfqYdiedsjpiH1ZZ-MKRMBj2QxVLuIE41FxO--X8ikx4trfOPii5_WiPRKOzsnQS4ZDWEtXGJqt3y4-ywOnKHcefj1Fc1tMaHmE",
  dq: "qTgtVMKSljPFeQbaSex-3Bv2FbaguTJxq6TBMGvP7vebb_1eAlwY3cb7cKQcSnQ-CPSXaYkJRlQblJ23hnasTAPWiVNxI1phAgoGciHedKUMirZAWJ3XsjSfaIRVi3WuJUpTbtDom_MPOJvaFzh-gEOhqC43T8HD7LCQ7I9XnM8",
  qi: "JVtXkUET8SSS7nzT11FdauN-BzxzZOdlhEr2FGmiHi2enCtn1ioPJrRf7nw3QMfYkq_fVOTTq-uuKmeUgx-6juby8JihxeGzFTQpuoMhSLPWlYL0aqG7ElCr9dI2HW0EMstT3oMZvwDHK2ltQ0uJhdvvboUlKCD0tQTFO_Fm2lI",
} as const;
