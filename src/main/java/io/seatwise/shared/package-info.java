/** Small shared kernel: domain errors, paging, the current actor and id generation used by every module. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.seatwise.shared;
