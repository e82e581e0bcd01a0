/**
 * The test kit's old import path, kept working: the kit is now the workspace package
 * packages/test-kit (`@sermi-rmi-portal/test-kit`); this repository's own tests use its source.
 */
export * from "../../packages/test-kit/src/index";
