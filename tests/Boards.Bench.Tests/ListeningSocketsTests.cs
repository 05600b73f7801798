namespace Boards.Bench.Tests;

public sealed class ListeningSocketsTests
{
    private const string Tcp = """
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 0100007F:13D8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 9115747 1 000000002282c082 100 0 0 10 0
           1: 0100007F:D84C 00000000:0000 0A 00000000:00000000 00:00000000 00000000   103        0 9114689 1 00000000eae21a05 100 0 0 10 0
           2: 0100007F:13D8 0100007F:A2C4 01 00000000:00000000 00:00000000 00000000     0        0 9120001 1 0000000000000000 20 4 30 10 -1
           3: 0100007F:C2A4 0100007F:13D8 01 00000000:00000000 00:00000000 00000000     0        0 9120002 1 0000000000000000 20 4 30 10 -1
        """;

    private const string Tcp6 = """
          sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 00000000000000000000000001000000:13D8 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 9115748 1 0000000000000000 100 0 0 10 0
        """;

    [Fact]
    public void Finds_the_listening_socket_of_a_port_and_not_its_connections()
    {
        Assert.Equal([9115747L], ListeningSockets.Inodes(Tcp, 5080));
    }

    [Fact]
    public void Reads_the_port_in_hexadecimal_after_the_address()
    {
        Assert.Equal([9114689L], ListeningSockets.Inodes(Tcp, 55372));
    }

    [Fact]
    public void Reads_ipv6_addresses()
    {
        Assert.Equal([9115748L], ListeningSockets.Inodes(Tcp6, 5080));
    }

    [Fact]
    public void Finds_nothing_on_a_port_nobody_listens_on()
    {
        Assert.Empty(ListeningSockets.Inodes(Tcp, 41668));
    }
}
