"""A TCP relay that can be cut: while cut, it drops every open connection and refuses new ones.

Used by bench/faults to take PostgreSQL or Redis away from the services and give it back,
as a restart of the server would, without touching the real server.

    relay = Relay(listen_port, target_port); relay.start()   # in a background thread
    relay.cut(); relay.restore()
"""

import asyncio
import threading


class Relay:
    def __init__(self, listen_port, target_port, host="127.0.0.1"):
        self.listen_port = listen_port
        self.target_port = target_port
        self.host = host
        self.loop = asyncio.new_event_loop()
        self.server = None
        self.writers = set()

    def start(self):
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True).start()
        ready.wait(10)

    def _run(self, ready):
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self._listen())
        ready.set()
        self.loop.run_forever()

    async def _listen(self):
        self.server = await asyncio.start_server(self._accept, self.host, self.listen_port)

    async def _accept(self, client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection(self.host, self.target_port)
        except OSError:
            client_writer.close()
            return
        self.writers.update((client_writer, server_writer))
        await asyncio.gather(
            self._pipe(client_reader, server_writer), self._pipe(server_reader, client_writer)
        )

    async def _pipe(self, reader, writer):
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()
            self.writers.discard(writer)

    def cut(self):
        asyncio.run_coroutine_threadsafe(self._cut(), self.loop).result(10)

    async def _cut(self):
        self.server.close()
        await self.server.wait_closed()
        for writer in list(self.writers):
            writer.transport.abort()
        self.writers.clear()

    def restore(self):
        asyncio.run_coroutine_threadsafe(self._listen(), self.loop).result(10)
