/* SBI calls the guest makes to Bao (Bao serves SBI to its guests; its own hypercalls use
 * extension 0x08000ba0 with the IPC call as function 1: a0 = IPC index, a1 = event). */
#include "guest.h"

#define SBI_EXT_TIME 0x54494D45UL
#define SBI_EXT_HSM 0x48534DUL
#define SBI_EXT_BAO 0x08000BA0UL
#define BAO_HC_IPC 1

struct sbiret sbi_call(unsigned long eid, unsigned long fid, unsigned long a0, unsigned long a1,
                       unsigned long a2)
{
    register unsigned long r_a0 __asm__("a0") = a0;
    register unsigned long r_a1 __asm__("a1") = a1;
    register unsigned long r_a2 __asm__("a2") = a2;
    register unsigned long r_a6 __asm__("a6") = fid;
    register unsigned long r_a7 __asm__("a7") = eid;
    __asm__ volatile("ecall" : "+r"(r_a0), "+r"(r_a1) : "r"(r_a2), "r"(r_a6), "r"(r_a7) : "memory");
    return (struct sbiret){ (long)r_a0, (long)r_a1 };
}

long sbi_hart_start(unsigned long hart, unsigned long addr)
{
    return sbi_call(SBI_EXT_HSM, 0, hart, addr, 0).error;
}

void sbi_set_timer(uint64_t when)
{
    sbi_call(SBI_EXT_TIME, 0, when, 0, 0);
}

long bao_ipc_notify(unsigned long ipc_id, unsigned long event)
{
    return sbi_call(SBI_EXT_BAO, BAO_HC_IPC, ipc_id, event, 0).error;
}
