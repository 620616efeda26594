namespace WhatsApp.Tests.Fakes;

public enum FakeResponseKind
{
    /// <summary>202 with a new message uuid, like Plivo queuing the message.</summary>
    Accept,

    /// <summary>A scripted status code, body and optional Retry-After.</summary>
    Status,

    /// <summary>Aborts the connection without reading the request body.</summary>
    ResetBeforeReading,

    /// <summary>Reads the request, then waits (past the client's timeout) before accepting it.</summary>
    Hang,
}
