using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantPortal.Infrastructure.ClusterEvents;

/// <summary>
/// The wire form of a <see cref="ClusterEvent"/>: a small JSON object <c>{"o": origin, "k": kind, "i": [ids]}</c>,
/// split into as many messages as it takes to keep each under PostgreSQL's NOTIFY payload limit.
/// </summary>
/// <remarks>
/// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (in its default build). A share with an organization
/// can notify 10,000 users, whose ids (about 40 bytes each in JSON) would take some 400 kB, so such an event is cut
/// into several messages of the same kind, each with a part of the ids; a receiver raises each part on its own,
/// which is what the subscribers expect anyway (they look up the ids they care about). The serializer escapes
/// everything outside ASCII, so a payload's length in bytes does not depend on the database's encoding.
/// </remarks>
internal static class ClusterEventCodec
{
    /// <summary>The largest payload sent: PostgreSQL requires a payload shorter than 8000 bytes.</summary>
    public const int MaxPayloadBytes = 7999;

    /// <summary>
    /// The messages that carry <paramref name="clusterEvent"/> from <paramref name="origin"/>, each at most
    /// <paramref name="maxBytes"/> bytes. An event without ids is one message. An id too long to fit any message
    /// on its own is left out and counted in <paramref name="dropped"/> (user ids are GUIDs, so this does not happen).
    /// </summary>
    public static List<string> Encode(string origin, ClusterEvent clusterEvent, out int dropped, int maxBytes = MaxPayloadBytes)
    {
        dropped = 0;
        var payloads = new List<string>();
        var kind = (int)clusterEvent.Kind;
        var empty = Serialize(new Envelope(origin, kind, []));
        var emptyBytes = Encoding.UTF8.GetByteCount(empty);
        if (clusterEvent.Ids.Count == 0)
        {
            if (emptyBytes <= maxBytes)
            {
                payloads.Add(empty);
            }
            return payloads;
        }

        var chunk = new List<string>();
        var chunkBytes = emptyBytes;
        foreach (var id in clusterEvent.Ids)
        {
            // Each id adds its JSON string form, and a comma unless it is the first of its message.
            var idBytes = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(id, ClusterEventJsonContext.Default.String));
            if (emptyBytes + idBytes > maxBytes)
            {
                dropped++;
                continue;
            }
            var added = idBytes + (chunk.Count > 0 ? 1 : 0);
            if (chunkBytes + added > maxBytes)
            {
                payloads.Add(Serialize(new Envelope(origin, kind, [.. chunk])));
                chunk.Clear();
                chunkBytes = emptyBytes;
                added = idBytes;
            }
            chunk.Add(id);
            chunkBytes += added;
        }
        if (chunk.Count > 0)
        {
            payloads.Add(Serialize(new Envelope(origin, kind, [.. chunk])));
        }
        return payloads;
    }

    /// <summary>Reads a message; false for anything that is not a well-formed event (which is then ignored).</summary>
    public static bool TryDecode(string payload, out string origin, out ClusterEvent clusterEvent)
    {
        origin = "";
        clusterEvent = null!;
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(payload, ClusterEventJsonContext.Default.Envelope);
        }
        catch (JsonException)
        {
            return false;
        }
        if (envelope is null || string.IsNullOrEmpty(envelope.Origin) || envelope.Ids is null || envelope.Ids.Any(id => id is null))
        {
            return false;
        }
        var kind = (ClusterEventKind)envelope.Kind;
        var wellFormed = kind switch
        {
            ClusterEventKind.AssistantAccessChanged => envelope.Ids.Length == 1 && int.TryParse(envelope.Ids[0], System.Globalization.CultureInfo.InvariantCulture, out _),
            ClusterEventKind.AllAccessChanged => envelope.Ids.Length == 0,
            ClusterEventKind.UserChanged => envelope.Ids.Length == 1,
            ClusterEventKind.NotificationsChanged => envelope.Ids.Length > 0,
            _ => false,
        };
        if (!wellFormed)
        {
            return false;
        }
        origin = envelope.Origin;
        clusterEvent = new ClusterEvent(kind, envelope.Ids);
        return true;
    }

    private static string Serialize(Envelope envelope) => JsonSerializer.Serialize(envelope, ClusterEventJsonContext.Default.Envelope);

    /// <summary>Short property names: the ids are what should fill the 8000 bytes.</summary>
    internal sealed record Envelope(
        [property: JsonPropertyName("o")] string Origin,
        [property: JsonPropertyName("k")] int Kind,
        [property: JsonPropertyName("i")] string[] Ids);
}

[JsonSerializable(typeof(ClusterEventCodec.Envelope))]
[JsonSerializable(typeof(string))]
internal sealed partial class ClusterEventJsonContext : JsonSerializerContext;
