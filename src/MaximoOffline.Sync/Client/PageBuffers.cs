namespace MaximoOffline.Sync.Client;

/// <summary>
/// The buffers pages are read into, from a pool of their own. The shared array pool keeps a large
/// array per thread that ever rented one, and a pool by size keeps a few of every size, so buffers of
/// several megabytes (a page of wide records, of each endpoint) would pile up over a long sync; this
/// pool keeps a few buffers in all, whatever their sizes and whichever thread returns them.
/// </summary>
internal static class PageBuffers
{
    /// <summary>Buffers larger than this are allocated and dropped, not pooled (Maximo:MaxPageMegabytes may allow more).</summary>
    private const int LargestPooled = 64 * 1024 * 1024;

    /// <summary>Idle buffers kept, in all: as many as a run holds pages at once (its page budget, with four requests in flight).</summary>
    private const int Kept = 6;

    private const int FirstSize = 64 * 1024;

    // Idle buffers, the largest kept when there are too many: a large one serves any page.
    private static readonly Lock Gate = new();
    private static readonly List<byte[]> Idle = new(Kept + 1);

    // Buffers out of the pool now. A buffer given back twice would be handed to two pages at once and
    // each would read the other's bytes: that is refused loudly instead.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<byte[], byte> Out = new(ReferenceEqualityComparer.Instance);

    // The last page's length: pages of one sync are alike, so the next one's buffer usually fits at once
    // instead of growing on the way.
    private static int s_lastLength = FirstSize;

    /// <summary>
    /// Reads <paramref name="body"/> to its end into a pooled buffer; the caller returns it with
    /// <see cref="Return"/> once nothing refers to it.
    /// </summary>
    public static async Task<(byte[] Buffer, int Length)> ReadAsync(Stream body, long? expectedLength, CancellationToken cancellationToken)
    {
        var buffer = Rent(expectedLength is > 0 and < LargestPooled ? (int)expectedLength.Value + 1 : Math.Max(FirstSize, Volatile.Read(ref s_lastLength)));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    Volatile.Write(ref s_lastLength, Math.Min(length + 1, LargestPooled));
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            Return(buffer);
            throw;
        }
    }

    /// <summary>Idle buffers the pool keeps now.</summary>
    internal static int IdleCount
    {
        get
        {
            lock (Gate)
            {
                return Idle.Count;
            }
        }
    }

    public static void Return(byte[] buffer)
    {
        if (!Out.TryRemove(buffer, out _))
        {
            throw new InvalidOperationException("A page buffer was given back to its pool twice.");
        }

        if (buffer.Length > LargestPooled)
        {
            return;
        }

        lock (Gate)
        {
            Idle.Add(buffer);
            if (Idle.Count > Kept)
            {
                var smallest = 0;
                for (var i = 1; i < Idle.Count; i++)
                {
                    smallest = Idle[i].Length < Idle[smallest].Length ? i : smallest;
                }

                Idle.RemoveAt(smallest);
            }
        }
    }

    /// <summary>The smallest idle buffer that holds <paramref name="length"/> bytes, else a new one rounded up to whole 64 KB.</summary>
    private static byte[] Rent(int length)
    {
        byte[]? buffer = null;
        lock (Gate)
        {
            var best = -1;
            for (var i = 0; i < Idle.Count; i++)
            {
                if (Idle[i].Length >= length && (best < 0 || Idle[i].Length < Idle[best].Length))
                {
                    best = i;
                }
            }

            if (best >= 0)
            {
                buffer = Idle[best];
                Idle.RemoveAt(best);
            }
        }

        buffer ??= new byte[length > LargestPooled ? length : (int)Math.Min(LargestPooled, ((long)length + FirstSize - 1) / FirstSize * FirstSize)];
        Out[buffer] = 0;
        return buffer;
    }
}
