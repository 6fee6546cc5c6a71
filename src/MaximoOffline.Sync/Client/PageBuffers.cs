using System.Buffers;

namespace MaximoOffline.Sync.Client;

/// <summary>
/// The buffers pages are read into, from a pool of their own. The shared array pool keeps a large
/// array per thread that ever rented one, so buffers of several megabytes (a page of wide records)
/// would pile up over a long sync; this pool keeps a few per size, whichever thread returns them.
/// </summary>
internal static class PageBuffers
{
    /// <summary>Buffers larger than this are allocated and dropped, not pooled (Maximo:MaxPageMegabytes may allow more).</summary>
    private const int LargestPooled = 64 * 1024 * 1024;

    /// <summary>As many as a run holds pages at once (its page budget, with four requests in flight), for each size.</summary>
    private const int PerSize = 6;

    private const int FirstSize = 64 * 1024;

    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(LargestPooled, PerSize);

    // Buffers out of the pool now. A buffer given back twice would be handed to two pages at once and
    // each would read the other's bytes: that is refused loudly instead.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<byte[], byte> Out = new(ReferenceEqualityComparer.Instance);

    // The last page's length: pages of one sync are alike, so the next one's buffer usually fits at once
    // instead of growing through every size on the way (each of which the pool would then keep).
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

    public static void Return(byte[] buffer)
    {
        if (!Out.TryRemove(buffer, out _))
        {
            throw new InvalidOperationException("A page buffer was given back to its pool twice.");
        }

        Pool.Return(buffer);
    }

    private static byte[] Rent(int length)
    {
        var buffer = Pool.Rent(length);
        Out[buffer] = 0;
        return buffer;
    }
}
