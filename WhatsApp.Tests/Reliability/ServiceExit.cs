namespace WhatsApp.Tests.Reliability;

/// <summary>How a <see cref="ServiceProcess"/> ended after a SIGTERM.</summary>
/// <param name="Exited">Whether it exited by itself within the time allowed.</param>
/// <param name="ExitCode">Its exit code, when it exited.</param>
/// <param name="Elapsed">From the signal to the exit (or to giving up waiting).</param>
internal sealed record ServiceExit(bool Exited, int? ExitCode, TimeSpan Elapsed);
