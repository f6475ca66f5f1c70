// Generated tests import ForgeTesting; the runtime types they build bodies and factories from come with it.
@_exported import ForgeRuntime
