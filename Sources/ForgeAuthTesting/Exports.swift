// A generated test of an app with auth imports ForgeAuthTesting alone: it brings the test
// harness and the auth types the test names, as ForgeTesting brings the runtime's.
@_exported import ForgeAuth
@_exported import ForgeTesting
