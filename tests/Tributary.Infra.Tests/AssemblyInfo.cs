// The Bicep CLI comes from Azure.Bicep.CommandLine.linux-x64 and the package checks Unix file modes:
// these tests run on Linux (as CI and the deployment machines do).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
