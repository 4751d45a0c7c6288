using System.Text;
using AssistantPortal.Infrastructure.ClusterEvents;

namespace AssistantPortal.Tests.Infrastructure.ClusterEvents;

public sealed class ClusterEventCodecTests
{
    private const string Origin = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Encode_AShortList_IsOneMessageThatDecodesToTheSameEvent()
    {
        var sent = new ClusterEvent(ClusterEventKind.NotificationsChanged, ["user-1", "user-2"]);

        var payload = Assert.Single(ClusterEventCodec.Encode(Origin, sent, out var dropped));

        Assert.Equal(0, dropped);
        Assert.True(ClusterEventCodec.TryDecode(payload, out var origin, out var received));
        Assert.Equal(Origin, origin);
        Assert.Equal(sent.Kind, received.Kind);
        Assert.Equal(sent.Ids, received.Ids);
    }

    [Fact]
    public void Encode_AnEventWithoutIds_IsOneMessage()
    {
        var payload = Assert.Single(ClusterEventCodec.Encode(Origin, new ClusterEvent(ClusterEventKind.AllAccessChanged, []), out _));

        Assert.True(ClusterEventCodec.TryDecode(payload, out _, out var received));
        Assert.Equal(ClusterEventKind.AllAccessChanged, received.Kind);
        Assert.Empty(received.Ids);
    }

    [Fact]
    public void Encode_ALongList_SplitsIntoMessagesWithinTheLimitThatTogetherHoldEveryIdInOrder()
    {
        // Ids outside ASCII are escaped, so their bytes on the wire are counted as sent.
        var ids = Enumerable.Range(0, 500).Select(i => $"user-{i}-é\"").ToArray();

        var payloads = ClusterEventCodec.Encode(Origin, new ClusterEvent(ClusterEventKind.NotificationsChanged, ids), out _, maxBytes: 300);

        Assert.True(payloads.Count > 10);
        Assert.All(payloads, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, 300));
        Assert.All(payloads, p => Assert.True(p.All(char.IsAscii)));
        var decoded = payloads.SelectMany(p => ClusterEventCodec.TryDecode(p, out _, out var e) ? e.Ids : throw new InvalidOperationException(p));
        Assert.Equal(ids, decoded);
    }

    [Fact]
    public void Encode_TenThousandUserIds_StaysUnderPostgreSqlsLimitOf8000Bytes()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid().ToString()).ToArray();

        var payloads = ClusterEventCodec.Encode(Origin, new ClusterEvent(ClusterEventKind.NotificationsChanged, ids), out _);

        Assert.All(payloads, p => Assert.True(Encoding.UTF8.GetByteCount(p) < 8000));
        // Full messages, not one id each: about 190 GUIDs fit in one.
        Assert.InRange(payloads.Count, 50, 60);
    }

    [Fact]
    public void Encode_AnIdThatCannotFitAnyMessage_IsLeftOutAndCounted()
    {
        var ids = new[] { "user-1", new string('x', 400), "user-2" };

        var payloads = ClusterEventCodec.Encode(Origin, new ClusterEvent(ClusterEventKind.NotificationsChanged, ids), out var dropped, maxBytes: 300);

        Assert.Equal(1, dropped);
        Assert.True(ClusterEventCodec.TryDecode(Assert.Single(payloads), out _, out var received));
        Assert.Equal(["user-1", "user-2"], received.Ids);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{"k":1,"i":["4"]}""")]
    [InlineData("""{"o":"x","k":99,"i":[]}""")]
    [InlineData("""{"o":"x","k":1,"i":["four"]}""")]
    [InlineData("""{"o":"x","k":1,"i":["4","5"]}""")]
    [InlineData("""{"o":"x","k":2,"i":["4"]}""")]
    [InlineData("""{"o":"x","k":3,"i":[]}""")]
    [InlineData("""{"o":"x","k":4,"i":[]}""")]
    [InlineData("""{"o":"x","k":4,"i":[null]}""")]
    [InlineData("""{"o":"x","k":4}""")]
    public void TryDecode_AMalformedMessage_IsFalse(string payload)
    {
        Assert.False(ClusterEventCodec.TryDecode(payload, out _, out _));
    }
}
