-- Shared by the wrk scripts (loaded with dofile from the repository's root): each thread is numbered
-- (setup runs in wrk's main state, init in the thread's own) and, when WUYE_ACKS names a folder, writes
-- what the server acknowledged to a file of its own there. Globals: thread_number, counter (where the
-- thread starts counting, so threads spread out) and acks (the file, or nil).
local threads = 0
acks_dir = os.getenv("WUYE_ACKS")
counter = 0
acks = nil

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  counter = thread_number * 7919
  if acks_dir then acks = io.open(acks_dir .. "/acks." .. thread_number, "w") end
end
